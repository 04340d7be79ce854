// name: node-evidence
// title.zh: 节点的来源报道与原句
// title.en: Articles and sentences that support a node
// answers: Where does the graph know an entity from? Every sentence (Evidence) stating it,
//   with its article and character offsets, in article order.
// param: node | string | "钟昌明" | "浙江省委第十一巡视组" | The entity: its name, an alias or its uri.
// column: node | the entity's name
// column: label | its most specific label
// column: article | the article's title
// column: published | the article's publication date
// column: sentence | the sentence as written
// column: charStart | offset of the sentence in the article's text
// column: charEnd | offset just past the sentence
// column: evidence | the Evidence node's uri
MATCH (n)
WHERE n.name = $node OR n.uri = $node OR $node IN coalesce(n.aliases, [])
MATCH (n)-[:EVIDENCE]->(e:Evidence)-[:IN_ARTICLE]->(a:Article)
RETURN n.name AS node,
       head([l IN labels(n) WHERE NOT l IN ['Event', 'Organization']] + labels(n)) AS label,
       a.title AS article,
       a.published AS published,
       e.text AS sentence,
       e.charStart AS charStart,
       e.charEnd AS charEnd,
       e.uri AS evidence
ORDER BY published, article, charStart
