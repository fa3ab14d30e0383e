import pandas as pd


def load(cfg: dict) -> tuple[pd.DataFrame, pd.Series]:
    feats = pd.read_csv(cfg["features_csv"], index_col="nodule_id")
    labels = pd.read_csv(cfg["labels_csv"], index_col="nodule_id")
    # one nodule per patient in this cohort (enforced upstream), so nodule-level folds are patient-level
    frame = feats.join(labels[["malignant"] + cfg["clinical"]], how="inner")
    y = frame.pop("malignant").astype(int)
    return frame, y
