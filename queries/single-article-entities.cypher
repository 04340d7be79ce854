// name: single-article-entities
// title.zh: 仅见于一篇报道的实体
// title.en: Entities known from one article only
// answers: Which entities rest on a single article (weakly attested: check them, or look
//   for more sources)? Articles and evidence sentences themselves are not listed.
// param: label | choice:any,PartyCommittee,InspectionRound,InspectionTeam,Inspection,Organization,Region,Person,Position,Event,Statistic,Document | "any" | "Person" | Only entities with this label, or any.
// column: entity | the entity's name
// column: label | its most specific label
// column: article | the title of its only article
// column: published | that article's publication date
// column: uri | the entity's uri
MATCH (n)-[:DERIVED_FROM]->(a:Article)
WHERE $label = 'any' OR $label IN labels(n)
WITH n, collect(DISTINCT a) AS articles
WHERE size(articles) = 1
WITH n, articles[0] AS a
RETURN n.name AS entity,
       head([l IN labels(n) WHERE NOT l IN ['Event', 'Organization']] + labels(n)) AS label,
       a.title AS article,
       a.published AS published,
       n.uri AS uri
ORDER BY label, entity
