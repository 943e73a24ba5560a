"""A Word file's custom document properties (``docProps/custom.xml``).

python-docx has no API for them, so they are written into the saved package: the part,
its content-type override and the package relationship. Word, LibreOffice and most other
editors keep custom properties when they save the file again, which is how a returned file
still names the revision it was made from.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from lxml import etree

PART = "docProps/custom.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_RELS = "_rels/.rels"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_REL_TYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id for user properties
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def custom_xml(properties: Mapping[str, str]) -> bytes:
    """The custom-properties part holding ``properties`` as text values."""
    root = etree.Element(f"{{{_NS}}}Properties", nsmap={None: _NS, "vt": _VT})
    for pid, (name, value) in enumerate(properties.items(), start=2):  # pids start at 2
        prop = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_properties(package: zipfile.ZipFile) -> dict[str, str]:
    """The custom properties of an open package, names to text; ``{}`` without any.

    Raises ``etree.XMLSyntaxError`` for a damaged part.
    """
    try:
        data = package.read(PART)
    except KeyError:
        return {}
    root = etree.fromstring(data, _PARSER)
    found = {}
    for prop in root.iter(f"{{{_NS}}}property"):
        name = prop.get("name")
        if name is not None and len(prop):
            found[name] = (prop[0].text or "").strip()
    return found


def with_properties(docx: bytes, properties: Mapping[str, str]) -> bytes:
    """``docx`` (a saved package) with its custom properties replaced by ``properties``."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == PART:
                continue
            data = source.read(item)
            if item.filename == _CONTENT_TYPES:
                data = _with_override(data)
            elif item.filename == _RELS:
                data = _with_relationship(data)
            target.writestr(item, data)
        target.writestr(PART, custom_xml(properties))
    return out.getvalue()


def _with_override(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    if not any(o.get("PartName") == f"/{PART}" for o in root.iter(f"{{{_CT_NS}}}Override")):
        etree.SubElement(
            root, f"{{{_CT_NS}}}Override", PartName=f"/{PART}", ContentType=_CONTENT_TYPE
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_relationship(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    relationships = list(root.iter(f"{{{_REL_NS}}}Relationship"))
    if not any(r.get("Type") == _REL_TYPE for r in relationships):
        ids = {r.get("Id") for r in relationships}
        number = next(n for n in range(1, len(ids) + 2) if f"rId{n}" not in ids)
        etree.SubElement(
            root, f"{{{_REL_NS}}}Relationship", Id=f"rId{number}", Type=_REL_TYPE, Target=PART
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
