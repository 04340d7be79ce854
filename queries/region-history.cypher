// name: region-history
// title.zh: 地区巡视史（含下辖地区及单位）
// title.en: Inspection history of a region, including everything inside it
// answers: Which inspections visited a region, the regions inside it (PART_OF, any depth)
//   and the organizations located in any of them?
// param: region | string | "浙江省" | "宁波市" | The region: its name, an alias, its adminCode or its uri.
// column: region | the region (the given one or one inside it) the target belongs to
// column: target | the region or organization inspected
// column: targetType | Organization or Region
// column: round | the round, or null when not reported
// column: team | the team, or null when not reported
// column: inspectionType | 常规, 专项, 机动, 回头看 ...
// column: startDate | when the team was stationed at the target
MATCH (top:Region)
WHERE top.name = $region OR top.uri = $region OR top.adminCode = $region
   OR $region IN coalesce(top.aliases, [])
MATCH (sub:Region)-[:PART_OF*0..]->(top)
MATCH (i:Inspection)-[:TARGET]->(t)
WHERE t = sub OR (t:Organization AND (t)-[:LOCATED_IN]->(sub))
OPTIONAL MATCH (i)-[:IN_ROUND]->(r:InspectionRound)
OPTIONAL MATCH (i)-[:BY_TEAM]->(tm:InspectionTeam)
RETURN DISTINCT sub.name AS region,
       t.name AS target,
       CASE WHEN t:Region THEN 'Region' ELSE 'Organization' END AS targetType,
       r.name AS round,
       tm.name AS team,
       i.inspectionType AS inspectionType,
       i.startDate AS startDate
ORDER BY startDate, round, region, target
