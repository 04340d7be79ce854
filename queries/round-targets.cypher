// name: round-targets
// title.zh: 一轮巡视的巡视对象与巡视组
// title.en: Targets of an inspection round and the teams that inspected them
// answers: Which organizations and regions did a round inspect, by which team, of which
//   type and since when? One row per inspection; team is null where the articles do not say.
// param: round | string | "十四届省委第七轮巡视" | "十四届浙江省委第八轮巡视" | The round: its name, an alias or its uri.
// column: round | the round's canonical name
// column: team | the inspection team, or null when not reported
// column: target | the organization or region inspected
// column: targetType | Organization or Region
// column: inspectionType | 常规, 专项, 机动, 回头看 ...
// column: startDate | when the team was stationed at the target (ISO, as precise as known)
MATCH (r:InspectionRound)
WHERE r.name = $round OR r.uri = $round OR $round IN coalesce(r.aliases, [])
MATCH (i:Inspection)-[:IN_ROUND]->(r)
MATCH (i)-[:TARGET]->(t)
OPTIONAL MATCH (i)-[:BY_TEAM]->(tm:InspectionTeam)
RETURN r.name AS round,
       tm.name AS team,
       t.name AS target,
       CASE WHEN t:Region THEN 'Region' ELSE 'Organization' END AS targetType,
       i.inspectionType AS inspectionType,
       i.startDate AS startDate
ORDER BY team, target
