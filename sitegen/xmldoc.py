"""XML documents (feeds, sitemaps) with their namespace prefixes declared by the document itself.

ElementTree names a namespace's prefix from one process-wide table (`register_namespace`):
whatever imported module registered last wins, for every document of every caller.  Here elements
are built with their prefix written out ("atom:link") and the document declares the prefixes it
uses on its root, in the order ElementTree gives declarations (by prefix, before the attributes),
so the bytes are those a registered table would give, without one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def text_child(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """A new element `tag` under `parent`, holding `text`."""
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def xml_document(root: ET.Element, namespaces: dict[str, str]) -> bytes:
    """`root` indented, with an XML declaration; `namespaces` maps each prefix the elements may use
    ("" for the default namespace) to its URI; only those used are declared."""
    used = set()
    for element in root.iter():
        for name in (element.tag, *element.attrib):
            used.add(name.split(":", 1)[0] if ":" in name else "")
    declared = {("xmlns:" + prefix if prefix else "xmlns"): uri
                for prefix, uri in sorted(namespaces.items()) if prefix in used}
    root.attrib = {**declared, **root.attrib}
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
