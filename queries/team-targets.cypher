// name: team-targets
// title.zh: 巡视组历轮巡视对象
// title.en: A team's targets across rounds
// answers: What did one inspection team inspect, round by round? Rows without a round are
//   inspections whose round the articles do not name.
// param: team | string | "省委第十一巡视组" | "浙江省委第一巡视组" | The team: its name, an alias or its uri.
// column: team | the team's canonical name
// column: round | the round, or null when not reported
// column: term | the committee's term of the round
// column: ordinal | the round's number within the term
// column: target | the organization or region inspected
// column: inspectionType | 常规, 专项, 机动, 回头看 ...
// column: startDate | when the team was stationed at the target
MATCH (tm:InspectionTeam)
WHERE tm.name = $team OR tm.uri = $team OR $team IN coalesce(tm.aliases, [])
MATCH (i:Inspection)-[:BY_TEAM]->(tm)
MATCH (i)-[:TARGET]->(t)
OPTIONAL MATCH (i)-[:IN_ROUND]->(r:InspectionRound)
RETURN tm.name AS team,
       r.name AS round,
       r.term AS term,
       r.ordinal AS ordinal,
       t.name AS target,
       i.inspectionType AS inspectionType,
       i.startDate AS startDate
ORDER BY term, ordinal, target
