// name: measure-timeline
// title.zh: 统计指标时间序列
// title.en: Figures for a measure over time
// answers: Every reported figure of one measure (problemsFound, personsSurrendered ...),
//   in time order, with what it counts over, the province it belongs to and its source.
// param: measure | measure | "problemsFound" | "personsSurrendered" | The measure (a controlled value of Statistic.measure).
// param: province | string | "" | "浙江省" | Only figures of this province (name, alias or adminCode); empty for all.
// column: period | the time the figure covers (ISO 8601)
// column: year | the first year of the period
// column: province | the province of the figure's scope, if it can be derived
// column: scope | what the figure counts over (round, committee, region or organization)
// column: scopeType | the label of the scope
// column: value | the number
// column: unit | the counter word as written
// column: approximate | true for 余/多 (a lower bound)
// column: statement | the wording in the article
// column: article | the title of the article it comes from
// column: published | the article's publication date
MATCH (s:Statistic)
WHERE s.measure = $measure
OPTIONAL MATCH (s)-[:SCOPE]->(sc)
OPTIONAL MATCH (sc)-[:CONDUCTED_BY*0..1]->()-[:JURISDICTION|LOCATED_IN*0..1]->(:Region)-[:PART_OF*0..]->(prov:Region {adminLevel: 'province'})
WITH s, sc, collect(DISTINCT prov) AS provinces
WITH s, sc, head(provinces) AS prov
WHERE $province = '' OR prov.name = $province OR prov.adminCode = $province
   OR $province IN coalesce(prov.aliases, [])
OPTIONAL MATCH (s)-[:DERIVED_FROM]->(a:Article)
WITH s, sc, prov, a ORDER BY a.published
WITH s, sc, prov, head(collect(a)) AS a
RETURN s.period AS period,
       CASE WHEN s.period IS NULL THEN null ELSE toInteger(substring(s.period, 0, 4)) END AS year,
       prov.name AS province,
       sc.name AS scope,
       head([l IN ['InspectionRound', 'PartyCommittee', 'InspectionTeam', 'Region', 'Organization'] WHERE l IN labels(sc)]) AS scopeType,
       s.value AS value,
       s.unit AS unit,
       s.approximate AS approximate,
       s.name AS statement,
       a.title AS article,
       a.published AS published
ORDER BY year, period, province, value
