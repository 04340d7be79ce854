// name: measure-by-province
// title.zh: 统计指标分省分年汇总
// title.en: A measure by province and year
// answers: For one measure, how many figures each province reported per year, their
//   largest value and all values. Figures of different scopes (a round, a city, the whole
//   province) are listed, not added: `largest` is usually the province-wide one.
// param: measure | measure | "problemsFound" | "personsSurrendered" | The measure (a controlled value of Statistic.measure).
// column: province | the province the figures' scope belongs to ("(unknown)" if none)
// column: year | the first year of the figures' period (null if the period is unknown)
// column: figures | how many figures were reported
// column: largest | the largest value
// column: values | all values, largest first
// column: unit | the counter word(s) as written
MATCH (s:Statistic)
WHERE s.measure = $measure
OPTIONAL MATCH (s)-[:SCOPE]->(sc)
OPTIONAL MATCH (sc)-[:CONDUCTED_BY*0..1]->()-[:JURISDICTION|LOCATED_IN*0..1]->(:Region)-[:PART_OF*0..]->(prov:Region {adminLevel: 'province'})
WITH s, collect(DISTINCT prov.name) AS provinces
WITH s, coalesce(head(provinces), '(unknown)') AS province,
     CASE WHEN s.period IS NULL THEN null ELSE toInteger(substring(s.period, 0, 4)) END AS year
ORDER BY s.value DESC
WITH province, year, collect(s.value) AS values, collect(DISTINCT s.unit) AS units
RETURN province,
       year,
       size(values) AS figures,
       values[0] AS largest,
       values,
       units AS unit
ORDER BY province, year
