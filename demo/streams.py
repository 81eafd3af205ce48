"""Turn demo StreamField data into raw stream data with stable block ids.

Block ids are derived from the object's key and the block's position, so every
language's version of a page has the same ids: wagtail-localize identifies a
block's text by its id, and this is how a translated text is matched to its
source. Page and image references are written as keys and resolved here.
"""

import uuid

from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

_NAMESPACE = uuid.UUID("6f1b7a52-3c1e-4c8e-9a57-2f0d7d1c9e10")


def block_id(*parts):
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(part) for part in parts)))


def raw_stream(stream_block, data, key, resolve):
    """Raw stream data for `stream_block` from demo `data`.

    `data` is a list of {type: value} single-item mappings; `resolve(kind, ref)`
    turns a page or image key into a primary key.
    """
    return _walk(stream_block, data, key, resolve)


def _walk(block, value, path, resolve):
    if isinstance(block, blocks.StreamBlock):
        raw = []
        for index, item in enumerate(value):
            ((block_type, child_value),) = item.items()
            child = block.child_blocks[block_type]
            raw.append(
                {
                    "type": block_type,
                    "value": _walk(child, child_value, f"{path}/{index}", resolve),
                    "id": block_id(path, index),
                }
            )
        return raw
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "value": _walk(block.child_block, item, f"{path}/{index}", resolve),
                "id": block_id(path, index),
            }
            for index, item in enumerate(value)
        ]
    if isinstance(block, ImageBlock):
        return {
            "image": resolve("image", value["image"]),
            "alt_text": value.get("alt_text", ""),
            "decorative": value.get("decorative", False),
        }
    if isinstance(block, blocks.StructBlock):
        return {
            name: _walk(child, value[name], f"{path}/{name}", resolve)
            if name in value
            else child.get_prep_value(child.get_default())
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.PageChooserBlock):
        return resolve("page", value) if value else None
    if isinstance(block, ImageChooserBlock):
        return resolve("image", value) if value else None
    return value
