// name: events-during-inspections
// title.zh: 巡视期间主动投案、被审查调查等人员
// title.en: Officials who surrendered or were investigated during an inspection
// answers: Who gave himself up, was investigated, sanctioned, referred or admonished during
//   an inspection or round, with that inspection (target, team) and round?
// param: eventType | choice:any,Surrender,Investigation,Sanction,JudicialReferral,Admonishment | "any" | "Surrender" | The kind of event (a subclass of Event), or any.
// column: person | the official's name
// column: eventType | Surrender, Investigation, Sanction, JudicialReferral or Admonishment
// column: date | when it happened (ISO, as precise as known)
// column: posts | the official's posts (position names)
// column: target | the target of the inspection during which it happened, if known
// column: team | the team of that inspection, if known
// column: round | the round during which it happened, if known
MATCH (e:Event)-[:INVOLVES]->(p:Person)
WHERE $eventType = 'any' OR $eventType IN labels(e)
MATCH (e)-[:DURING]->(x)
WITH e, p, collect(x) AS during
WITH e, p,
     [x IN during WHERE x:Inspection] AS inspections,
     [x IN during WHERE x:InspectionRound] AS rounds
WHERE size(inspections) + size(rounds) > 0
UNWIND CASE WHEN size(inspections) = 0 THEN [null] ELSE inspections END AS i
OPTIONAL MATCH (i)-[:TARGET]->(t)
OPTIONAL MATCH (i)-[:BY_TEAM]->(tm:InspectionTeam)
OPTIONAL MATCH (i)-[:IN_ROUND]->(ir:InspectionRound)
WITH e, p, i, t, tm, coalesce(ir, head(rounds)) AS r
OPTIONAL MATCH (p)-[:HOLDS]->(pos:Position)
WITH e, p, t, tm, r, collect(DISTINCT pos.name) AS posts
RETURN p.name AS person,
       [l IN labels(e) WHERE l <> 'Event'][0] AS eventType,
       e.date AS date,
       posts,
       t.name AS target,
       tm.name AS team,
       r.name AS round
ORDER BY date, person
