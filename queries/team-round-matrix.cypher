// name: team-round-matrix
// title.zh: 巡视组×轮次矩阵
// title.en: Teams x rounds matrix of a committee
// answers: For one committee, which of its teams worked in which round and on how many
//   targets? One row per (team, round) cell that is not empty; pivot it for a matrix.
//   Inspections without a named team or round appear with team or round null.
// param: committee | string | "中共浙江省委" | "中共浙江省委" | The committee: name, alias or uri.
// column: team | the team's name (null: inspections whose team is not reported)
// column: teamNumber | the team's number
// column: round | the round's name (null: inspections whose round is not reported)
// column: term | the round's term
// column: ordinal | the round's number within the term
// column: inspections | the number of inspections in the cell
// column: targets | the targets inspected in the cell
MATCH (c:PartyCommittee)
WHERE c.name = $committee OR c.uri = $committee OR $committee IN coalesce(c.aliases, [])
MATCH (i:Inspection)
WHERE (i)-[:IN_ROUND]->(:InspectionRound)-[:CONDUCTED_BY]->(c)
   OR (i)-[:BY_TEAM]->(:InspectionTeam)-[:TEAM_OF]->(c)
OPTIONAL MATCH (i)-[:BY_TEAM]->(tm:InspectionTeam)
OPTIONAL MATCH (i)-[:IN_ROUND]->(r:InspectionRound)
OPTIONAL MATCH (i)-[:TARGET]->(t)
WITH tm, r, count(DISTINCT i) AS inspections, collect(DISTINCT t.name) AS targets
RETURN tm.name AS team,
       tm.number AS teamNumber,
       r.name AS round,
       r.term AS term,
       r.ordinal AS ordinal,
       inspections,
       targets
ORDER BY teamNumber, term, ordinal
