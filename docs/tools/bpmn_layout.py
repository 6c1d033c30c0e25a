"""Writes BPMN diagram interchange for a model described as nodes and flows.

A small helper for the project's models: each node has a position, each flow is routed with
right-angle waypoints (or given ones), so every model opens in Camunda Modeler with a shape per
node and an edge per flow. Used by the generator scripts beside it; the .bpmn files are the source
of truth afterwards and are edited in Modeler.
"""
from xml.sax.saxutils import escape

SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "boundaryEvent": (36, 36),
         "intermediateCatchEvent": (36, 36), "exclusiveGateway": (50, 50), "parallelGateway": (50, 50),
         "inclusiveGateway": (50, 50)}


def size(kind):
    return SIZES.get(kind, (100, 80))


def center(node):
    w, h = size(node["kind"])
    return node["x"] + w / 2, node["y"] + h / 2


def port(node, side):
    w, h = size(node["kind"])
    x, y = node["x"], node["y"]
    return {"left": (x, y + h / 2), "right": (x + w, y + h / 2), "top": (x + w / 2, y),
            "bottom": (x + w / 2, y + h)}[side]


def route(src, dst, via=None):
    if via:
        return via
    sx, sy = center(src)
    dx, dy = center(dst)
    if abs(sy - dy) < 1:
        return [port(src, "right") if dx > sx else port(src, "left"),
                port(dst, "left") if dx > sx else port(dst, "right")]
    if abs(sx - dx) < 1:
        return [port(src, "bottom") if dy > sy else port(src, "top"),
                port(dst, "top") if dy > sy else port(dst, "bottom")]
    a = port(src, "bottom") if dy > sy else port(src, "top")
    b = port(dst, "left") if dx > sx else port(dst, "right")
    return [a, (a[0], b[1]), b]


def diagram(process_id, nodes, flows):
    out = [f'  <bpmndi:BPMNDiagram id="{process_id}Diagram">',
           f'    <bpmndi:BPMNPlane id="{process_id}Plane" bpmnElement="{process_id}">']
    for nid, n in nodes.items():
        w, h = size(n["kind"])
        extra = ' isMarkerVisible="true"' if n["kind"] == "exclusiveGateway" else ""
        out.append(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{extra}>'
                   f'<dc:Bounds x="{n["x"]}" y="{n["y"]}" width="{w}" height="{h}" />')
        if n["kind"] in SIZES and n.get("name"):
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{n["x"] - 20}" y="{n["y"] + h + 4}" '
                       f'width="{w + 40}" height="14" /></bpmndi:BPMNLabel>')
        out.append('      </bpmndi:BPMNShape>')
    for f in flows:
        pts = route(nodes[f["source"]], nodes[f["target"]], f.get("via"))
        wp = "".join(f'<di:waypoint x="{int(x)}" y="{int(y)}" />' for x, y in pts)
        label = ""
        if f.get("name"):
            lx, ly = pts[0]
            label = (f'<bpmndi:BPMNLabel><dc:Bounds x="{int(lx) + 4}" y="{int(ly) - 18}" width="60" height="14" />'
                     f'</bpmndi:BPMNLabel>')
        out.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{wp}{label}</bpmndi:BPMNEdge>')
    out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']
    return "\n".join(out)


def flows_xml(flows):
    out = []
    for f in flows:
        name = f' name="{escape(f["name"])}"' if f.get("name") else ""
        if f.get("condition"):
            out.append(f'    <bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["source"]}" targetRef="{f["target"]}">'
                       f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["condition"])}'
                       f'</bpmn:conditionExpression></bpmn:sequenceFlow>')
        else:
            out.append(f'    <bpmn:sequenceFlow id="{f["id"]}"{name} sourceRef="{f["source"]}" targetRef="{f["target"]}" />')
    return "\n".join(out)


def node_xml(nid, n, flows):
    inc = "".join(f"<bpmn:incoming>{f['id']}</bpmn:incoming>" for f in flows if f["target"] == nid)
    outg = "".join(f"<bpmn:outgoing>{f['id']}</bpmn:outgoing>" for f in flows if f["source"] == nid)
    attrs = "".join(f' {k}="{escape(v, {chr(34): "&quot;"})}"' for k, v in n.get("attrs", {}).items())
    name = f' name="{escape(n["name"], {chr(34): "&quot;"})}"' if n.get("name") else ""
    doc = f"<bpmn:documentation>{escape(n['doc'])}</bpmn:documentation>" if n.get("doc") else ""
    body = doc + n.get("ext", "") + inc + outg + n.get("inner", "")
    return f'    <bpmn:{n["kind"]} id="{nid}"{name}{attrs}>{body}</bpmn:{n["kind"]}>'


HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
          'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
          'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
          'id="{defs}" targetNamespace="http://shequflow.cn/bpmn/{family}" exporter="Camunda Modeler" '
          'exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">\n')


def write(path, defs, family, process_attrs, process_inner, nodes, flows):
    pid = process_attrs["id"]
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in process_attrs.items())
    parts = [HEADER.replace("{defs}", defs).replace("{family}", family),
             f'  <bpmn:process{attrs} isExecutable="true">', process_inner]
    parts += [node_xml(nid, n, flows) for nid, n in nodes.items()]
    parts += [flows_xml(flows), '  </bpmn:process>', diagram(pid, nodes, flows), '</bpmn:definitions>\n']
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(p for p in parts if p))
