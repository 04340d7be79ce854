// Reads a GEXF or GraphML file with graphology (strict: undeclared attributes refused) and
// prints its node and edge counts and the edges per relationship type, as JSON.
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

const [kind, path] = process.argv.slice(2);
const text = fs.readFileSync(path, 'utf8');
const graph = kind === 'gexf'
  ? gexf.parse(Graph.MultiGraph, text, {allowUndeclaredAttributes: false})
  : graphml.parse(Graph.MultiGraph, text);
const types = {};
graph.forEachEdge((edge, attrs) => { types[attrs.relationship] = (types[attrs.relationship] || 0) + 1; });
console.log(JSON.stringify({nodes: graph.order, edges: graph.size, types}));
