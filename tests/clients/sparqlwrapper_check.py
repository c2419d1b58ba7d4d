"""A real SPARQL client against a running `tupu serve`: Python's SPARQLWrapper, as analysts use it.

    python tests/clients/sparqlwrapper_check.py http://127.0.0.1:7878/query

Expects a store holding the seed article. SELECT and ASK in JSON and in SPARQLWrapper's default
(XML), CONSTRUCT and DESCRIBE with its default Accept (RDF/XML, parsed by rdflib), an update
refused with the read-only message. Ends with 'N passed, N failed' and a non-zero exit on failure.
"""

import sys
import traceback

from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

endpoint = sys.argv[1]
passed = failed = 0


def check(name, test):
    global passed, failed
    try:
        test()
        print(f"ok: {name}")
        passed += 1
    except Exception:  # a failed check is reported, and the others still run
        print(f"FAILED: {name}")
        traceback.print_exc()
        failed += 1


def client(query, fmt=None):
    s = SPARQLWrapper(endpoint)
    s.setQuery(query)
    if fmt:
        s.setReturnFormat(fmt)
    return s


PEOPLE = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"


def select_json():
    result = client(PEOPLE, JSON).query().convert()
    names = {b["name"]["value"] for b in result["results"]["bindings"]}
    assert "李家超" in names and "王勇" in names, names


def select_default_xml():
    document = client(PEOPLE).query().convert()  # xml.dom.minidom
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert "李家超" in literals, literals


def ask():
    assert client("ASK { ?p rdfs:label \"李家超\"@zh-Hant }", JSON).query().convert()["boolean"] is True


def construct_default_accept():
    s = client("CONSTRUCT WHERE { ?p a schema:Person ; rdfs:label ?l }")
    response = s.query()
    media = response.info()["content-type"]
    assert media.startswith("application/rdf+xml"), media
    graph = response.convert()  # an rdflib Graph
    assert len(graph) > 0
    labels = {str(o) for o in graph.objects()}
    assert "李家超" in labels, labels


def construct_turtle():
    graph = client("CONSTRUCT WHERE { ?p a schema:Person }", TURTLE).query().convert()
    assert b"schema:Person" in graph or b"https://schema.org/Person" in graph, graph[:200]


def describe_default_accept():
    graph = client("DESCRIBE ?p WHERE { ?p rdfs:label \"李家超\"@zh-Hant }").query().convert()
    assert len(graph) > 0


def update_refused():
    s = SPARQLWrapper(endpoint)
    s.setMethod(POST)
    s.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    try:
        s.query()
    except Exception as e:  # SPARQLWrapper raises its own error per status
        text = str(e) + str(getattr(e, "msg", ""))
        body = e.read().decode() if hasattr(e, "read") else ""
        assert "read-only" in text + body or "403" in text, text + body
        return
    raise AssertionError("the update was accepted")


check("SELECT as JSON", select_json)
check("SELECT with the default Accept (XML)", select_default_xml)
check("ASK", ask)
check("CONSTRUCT with the default Accept (RDF/XML, parsed by rdflib)", construct_default_accept)
check("CONSTRUCT as Turtle", construct_turtle)
check("DESCRIBE with the default Accept", describe_default_accept)
check("an update is refused", update_refused)
print(f"sparqlwrapper: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
