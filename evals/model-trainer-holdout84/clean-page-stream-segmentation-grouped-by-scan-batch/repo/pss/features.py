"""Page-pair features for page stream segmentation (does page i start a new document?).

Every feature for page i uses page i and the page before it in the same scan batch only.
"""
import numpy as np
import pandas as pd


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def pair_features(pages: pd.DataFrame) -> pd.DataFrame:
    pages = pages.sort_values(["batch_id", "position"]).reset_index(drop=True)
    tokens = pages["ocr_text"].fillna("").str.lower().str.findall(r"[a-z0-9]{3,}").apply(set)
    prev_tokens = tokens.groupby(pages["batch_id"]).shift(1)

    f = pd.DataFrame({"batch_id": pages["batch_id"], "position": pages["position"]})
    f["is_first_in_batch"] = (pages.groupby("batch_id").cumcount() == 0).astype(int)
    f["token_jaccard_prev"] = [
        jaccard(t, p) if isinstance(p, set) else 0.0 for t, p in zip(tokens, prev_tokens)
    ]
    f["page_no_detected"] = pages["detected_page_no"].fillna(-1)
    prev_no = pages.groupby("batch_id")["detected_page_no"].shift(1)
    f["page_no_reset"] = ((pages["detected_page_no"] == 1) & prev_no.notna()).astype(int)
    f["page_no_continues"] = (pages["detected_page_no"] == prev_no + 1).astype(int)
    f["has_logo"] = pages["logo_detected"].astype(int)
    f["has_address_block"] = pages["address_block_detected"].astype(int)
    f["has_salutation"] = pages["ocr_text"].fillna("").str.contains(r"\b(dear|sehr geehrte)", case=False).astype(int)
    f["text_density"] = pages["n_words"] / (pages["page_w"] * pages["page_h"] / 1e6)
    f["density_delta_prev"] = f["text_density"] - f.groupby("batch_id")["text_density"].shift(1)
    f["orientation_change"] = (
        pages["orientation"] != pages.groupby("batch_id")["orientation"].shift(1)
    ).astype(int)
    f["label"] = pages["starts_document"].astype(int)
    return f
