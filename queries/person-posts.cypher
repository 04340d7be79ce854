// name: person-posts
// title.zh: 人员职务
// title.en: Posts of an official
// answers: Which posts does (or did) an official hold, in which organization, and what
//   happened to him or her?
// param: person | string | "钟昌明" | "张建国" | The person: name, alias or uri.
// column: person | the official's name
// column: post | the position's name
// column: title | the title as written (副厅长级干部, 组长)
// column: rank | the rank as written, if any
// column: former | true when the text gives it as a former post (原…)
// column: organization | the organization the post belongs to, if known
// column: events | what happened to the official (event names)
MATCH (p:Person)
WHERE p.name = $person OR p.uri = $person OR $person IN coalesce(p.aliases, [])
OPTIONAL MATCH (p)-[:HOLDS]->(pos:Position)
OPTIONAL MATCH (pos)-[:IN_ORGANIZATION]->(o:Organization)
OPTIONAL MATCH (e:Event)-[:INVOLVES]->(p)
WITH p, pos, o, collect(DISTINCT e.name) AS events
RETURN p.name AS person,
       pos.name AS post,
       pos.title AS title,
       pos.rank AS rank,
       coalesce(pos.former, false) AS former,
       o.name AS organization,
       events
ORDER BY person, post
