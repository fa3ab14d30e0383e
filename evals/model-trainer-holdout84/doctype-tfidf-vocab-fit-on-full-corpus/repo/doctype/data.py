"""Loading and light cleanup of Tesseract output for document-type classification."""
import json
import re
import unicodedata

import pandas as pd

_WS = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


def normalize_ocr_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = text.replace("\u00ad", "")
    return _WS.sub(" ", text).strip().lower()


def load_pages(ocr_jsonl: str, labels_csv: str, min_chars: int = 40) -> pd.DataFrame:
    records = []
    with open(ocr_jsonl, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            records.append({
                "doc_id": rec["doc_id"],
                "page": rec["page"],
                "text": normalize_ocr_text(rec["text"]),
                "mean_conf": rec.get("mean_conf", float("nan")),
            })
    pages = pd.DataFrame.from_records(records)
    labels = pd.read_csv(labels_csv)
    df = pages.merge(labels, on="doc_id", how="inner")
    df = df[df["text"].str.len() >= min_chars]
    # one row per document: concatenate page texts in reading order
    df = (
        df.sort_values(["doc_id", "page"])
        .groupby(["doc_id", "doc_type"], as_index=False)
        .agg(text=("text", " ".join), n_pages=("page", "count"), mean_conf=("mean_conf", "mean"))
    )
    return df
