// name: neighbourhood
// title.zh: 实体的关联邻域
// title.en: The neighbourhood of an entity, to a given depth
// answers: What lies within `depth` steps of an entity over the domain relationships
//   (articles and evidence left out), and how far is each neighbour?
// param: entity | string | "钟昌明" | "浙江省交通运输厅党组" | The entity: name, alias or uri.
// param: depth | int:1..4 | 2 | 3 | The largest number of steps (1 to 4).
// column: distance | the fewest steps from the entity
// column: neighbour | the neighbour's name
// column: label | its most specific label
// column: via | the relationship type of the last step on a shortest path
// column: uri | the neighbour's uri
MATCH (n) WHERE n.name = $entity OR n.uri = $entity OR $entity IN coalesce(n.aliases, [])
MATCH p = (n)-[:CONDUCTED_BY|TEAM_OF|IN_ROUND|BY_TEAM|TARGET|JURISDICTION|LOCATED_IN|SUB_ORGANIZATION_OF|PART_OF|HOLDS|IN_ORGANIZATION|INVOLVES|DURING|SCOPE|ISSUED_BY*1..4]-(m)
WHERE length(p) <= $depth AND m <> n
WITH m, length(p) AS d, type(last(relationships(p))) AS via
ORDER BY d, via
WITH m, min(d) AS distance, collect(via) AS vias
RETURN distance,
       m.name AS neighbour,
       head([l IN labels(m) WHERE NOT l IN ['Event', 'Organization']] + labels(m)) AS label,
       vias[0] AS via,
       m.uri AS uri
ORDER BY distance, label, neighbour
