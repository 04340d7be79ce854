// name: term-coverage
// title.zh: 一届任期巡视覆盖进度
// title.en: Coverage of a committee's term, round by round
// answers: Which rounds of a committee's term are known, how many targets each inspected
//   (new ones and cumulative distinct targets), and what the articles report for the
//   round (unitsInspected) — how far the term's full coverage (全覆盖) has come.
// param: committee | string | "中共浙江省委" | "中共浙江省委" | The committee: name, alias or uri.
// param: term | int:1..99 | 14 | 14 | The committee's term (届次).
// column: round | the round's name
// column: ordinal | the round's number within the term
// column: targets | targets of the round found in the articles
// column: newTargets | of these, not inspected in an earlier round of the term
// column: cumulativeTargets | distinct targets of the term up to and including this round
// column: unitsReported | the unitsInspected figure(s) reported for the round
MATCH (c:PartyCommittee)
WHERE c.name = $committee OR c.uri = $committee OR $committee IN coalesce(c.aliases, [])
MATCH (r:InspectionRound)-[:CONDUCTED_BY]->(c)
WHERE r.term = $term
OPTIONAL MATCH (r)<-[:IN_ROUND]-(:Inspection)-[:TARGET]->(t)
WITH c, r, collect(DISTINCT t) AS targets
OPTIONAL MATCH (r2:InspectionRound)-[:CONDUCTED_BY]->(c)
WHERE r2.term = $term AND r2.ordinal < r.ordinal
OPTIONAL MATCH (r2)<-[:IN_ROUND]-(:Inspection)-[:TARGET]->(t2)
WITH r, targets, collect(DISTINCT t2) AS earlier
OPTIONAL MATCH (s:Statistic {measure: 'unitsInspected'})-[:SCOPE]->(r)
WITH r, targets, earlier, collect(s.value) AS unitsReported
RETURN r.name AS round,
       r.ordinal AS ordinal,
       size(targets) AS targets,
       size([t IN targets WHERE NOT t IN earlier]) AS newTargets,
       size(earlier) + size([t IN targets WHERE NOT t IN earlier]) AS cumulativeTargets,
       unitsReported
ORDER BY ordinal
