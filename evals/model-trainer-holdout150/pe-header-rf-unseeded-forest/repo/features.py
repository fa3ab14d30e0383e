"""Static PE header features extracted with pefile."""
import math

import pefile

HEADER_FIELDS = [
    ("FILE_HEADER", "NumberOfSections"),
    ("FILE_HEADER", "TimeDateStamp"),
    ("FILE_HEADER", "Characteristics"),
    ("OPTIONAL_HEADER", "SizeOfCode"),
    ("OPTIONAL_HEADER", "SizeOfInitializedData"),
    ("OPTIONAL_HEADER", "AddressOfEntryPoint"),
    ("OPTIONAL_HEADER", "ImageBase"),
    ("OPTIONAL_HEADER", "MajorLinkerVersion"),
    ("OPTIONAL_HEADER", "SizeOfImage"),
    ("OPTIONAL_HEADER", "Subsystem"),
    ("OPTIONAL_HEADER", "DllCharacteristics"),
    ("OPTIONAL_HEADER", "SizeOfStackReserve"),
]


def section_entropy(data):
    if not data:
        return 0.0
    counts = [0] * 256
    for b in data:
        counts[b] += 1
    n = len(data)
    return -sum(c / n * math.log2(c / n) for c in counts if c)


def extract(path):
    pe = pefile.PE(path, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
    feats = {f"{hdr}.{name}": getattr(getattr(pe, hdr), name) for hdr, name in HEADER_FIELDS}
    ents = [section_entropy(s.get_data()) for s in pe.sections] or [0.0]
    feats["sections.max_entropy"] = max(ents)
    feats["sections.mean_entropy"] = sum(ents) / len(ents)
    feats["sections.n_exec"] = sum(bool(s.Characteristics & 0x20000000) for s in pe.sections)
    imports = getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])
    feats["imports.n_dlls"] = len(imports)
    feats["imports.n_funcs"] = sum(len(d.imports) for d in imports)
    feats["has_overlay"] = int(pe.get_overlay_data_start_offset() is not None)
    pe.close()
    return feats
