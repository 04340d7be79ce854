// name: rounds
// title.zh: 巡视轮次一览
// title.en: All inspection rounds, with their committee and what is known of them
// answers: Which rounds does the graph know, by committee and term, and how many
//   inspections, teams, events and figures are attached to each?
// param: committee | string | "" | "中共浙江省委" | Only rounds of this committee (name, alias or uri); empty for all.
// column: committee | the committee that conducted the round
// column: round | the round's name
// column: scheme | 巡视 or 巡察
// column: term | the committee's term
// column: ordinal | the round's number within the term
// column: year | the year, where the text says so
// column: inspections | inspections in the round
// column: teams | distinct teams named in the round
// column: events | events during the round or its inspections
// column: figures | statistics whose scope is the round
MATCH (r:InspectionRound)
OPTIONAL MATCH (r)-[:CONDUCTED_BY]->(c:PartyCommittee)
WITH r, c
WHERE $committee = '' OR c.name = $committee OR c.uri = $committee OR $committee IN coalesce(c.aliases, [])
OPTIONAL MATCH (i:Inspection)-[:IN_ROUND]->(r)
OPTIONAL MATCH (i)-[:BY_TEAM]->(tm:InspectionTeam)
WITH r, c, count(DISTINCT i) AS inspections, count(DISTINCT tm) AS teams
OPTIONAL MATCH (e:Event)-[:DURING]->(x)
WHERE x = r OR (x)-[:IN_ROUND]->(r)
WITH r, c, inspections, teams, count(DISTINCT e) AS events
OPTIONAL MATCH (s:Statistic)-[:SCOPE]->(r)
WITH r, c, inspections, teams, events, count(DISTINCT s) AS figures
RETURN c.name AS committee,
       r.name AS round,
       r.scheme AS scheme,
       r.term AS term,
       r.ordinal AS ordinal,
       r.year AS year,
       inspections,
       teams,
       events,
       figures
ORDER BY committee, term, ordinal
