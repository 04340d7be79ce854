// name: repeat-inspections
// title.zh: 多次被巡视的单位及间隔
// title.en: Targets inspected more than once, and the gap between visits
// answers: Which organizations and regions were inspected at least `minVisits` times, in
//   which rounds, when, and how many months passed between consecutive visits? A visit's
//   date is its startDate, else its feedbackDate, else the earliest article reporting it.
// param: minVisits | int:1..100 | 2 | 1 | The least number of visits to list a target.
// column: target | the organization or region
// column: targetType | Organization or Region
// column: visits | the number of inspections of the target
// column: rounds | the rounds of the visits in date order (null where not reported)
// column: dates | the visits' dates in order (ISO, as precise as known)
// column: gapsMonths | months between consecutive visits (null where a date is unknown)
MATCH (i:Inspection)-[:TARGET]->(t)
OPTIONAL MATCH (i)-[:DERIVED_FROM]->(a:Article)
WITH t, i, min(a.published) AS reported
OPTIONAL MATCH (i)-[:IN_ROUND]->(r:InspectionRound)
WITH t, i, r, coalesce(i.startDate, i.feedbackDate, reported) AS visited
ORDER BY visited
WITH t, collect({round: r.name, date: visited}) AS visits
WHERE size(visits) >= $minVisits
WITH t, visits,
     [v IN visits | CASE WHEN v.date IS NULL THEN null
        ELSE toInteger(substring(v.date, 0, 4)) * 12
             + CASE WHEN size(v.date) >= 7 THEN toInteger(substring(v.date, 5, 2)) ELSE 1 END
        END] AS months
RETURN t.name AS target,
       CASE WHEN t:Region THEN 'Region' ELSE 'Organization' END AS targetType,
       size(visits) AS visits,
       [v IN visits | v.round] AS rounds,
       [v IN visits | v.date] AS dates,
       [k IN range(1, size(months) - 1) | months[k] - months[k - 1]] AS gapsMonths
ORDER BY visits DESC, target
