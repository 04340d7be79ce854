// name: shortest-path
// title.zh: 两实体间最短关联
// title.en: Shortest connection between two entities
// answers: How are two entities connected? The shortest path over the domain relationships
//   (ignoring articles and evidence, which would connect everything), up to 12 steps.
// param: from | string | "钟昌明" | "张建国" | The first entity: name, alias or uri.
// param: to | string | "浙江省委第十一巡视组" | "李卫东" | The second entity: name, alias or uri.
// column: hops | the length of the path
// column: path | the path as text: name -[TYPE]-> name <-[TYPE]- name ...
// column: names | the names of the nodes on the path
// column: labels | their most specific labels
// column: types | the relationship types along the path
MATCH (a) WHERE a.name = $from OR a.uri = $from OR $from IN coalesce(a.aliases, [])
MATCH (b) WHERE b.name = $to OR b.uri = $to OR $to IN coalesce(b.aliases, [])
WITH a, b WHERE a <> b
MATCH p = shortestPath((a)-[:CONDUCTED_BY|TEAM_OF|IN_ROUND|BY_TEAM|TARGET|JURISDICTION|LOCATED_IN|SUB_ORGANIZATION_OF|PART_OF|HOLDS|IN_ORGANIZATION|INVOLVES|DURING|SCOPE|ISSUED_BY*..12]-(b))
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       ns[0].name + reduce(s = '', k IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[k]) = ns[k] THEN ' -[' + type(rs[k]) + ']-> '
                  ELSE ' <-[' + type(rs[k]) + ']- ' END + ns[k + 1].name) AS path,
       [x IN ns | x.name] AS names,
       [x IN ns | head([l IN labels(x) WHERE NOT l IN ['Event', 'Organization']] + labels(x))] AS labels,
       [r IN rs | type(r)] AS types
ORDER BY hops
LIMIT 5
