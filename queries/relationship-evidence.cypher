// name: relationship-evidence
// title.zh: 关系的来源报道与原句
// title.en: Articles and sentences that support the relationships of a node
// answers: Why does the graph say that an entity is linked to another? For every
//   relationship of the entity (optionally of one type), the sentences stating it.
// param: node | string | "钟昌明" | "十四届省委第七轮巡视" | The entity: its name, an alias or its uri.
// param: type | string | "" | "HOLDS" | Only relationships of this type (e.g. TARGET, HOLDS); empty for all.
// column: source | the name of the relationship's start node
// column: type | the relationship type
// column: target | the name of the relationship's end node
// column: article | the article's title
// column: published | the article's publication date
// column: sentence | the sentence stating the relationship
// column: charStart | offset of the sentence in the article's text
MATCH (n)
WHERE n.name = $node OR n.uri = $node OR $node IN coalesce(n.aliases, [])
MATCH (n)-[rel]-(m)
WHERE NOT type(rel) IN ['DERIVED_FROM', 'EVIDENCE', 'IN_ARTICLE']
  AND ($type = '' OR type(rel) = $type)
UNWIND coalesce(rel.evidence, []) AS ev
MATCH (e:Evidence {uri: ev})-[:IN_ARTICLE]->(a:Article)
RETURN startNode(rel).name AS source,
       type(rel) AS type,
       endNode(rel).name AS target,
       a.title AS article,
       a.published AS published,
       e.text AS sentence,
       e.charStart AS charStart
ORDER BY type, source, target, published, charStart
