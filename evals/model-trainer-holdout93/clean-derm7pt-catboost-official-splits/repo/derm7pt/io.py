import pandas as pd

CRITERIA = [
    "pigment_network", "streaks", "pigmentation", "regression_structures",
    "dots_and_globules", "blue_whitish_veil", "vascular_structures",
]
CONTEXT = ["elevation", "location", "sex"]
# 'management' records what was done after the diagnosis and is not available at prediction time
EXCLUDED = ["case_num", "diagnosis", "management", "seven_point_score", "level_of_diagnostic_difficulty", "clinic", "derm"]

MAJOR = {
    "pigment_network": {"atypical"},
    "blue_whitish_veil": {"present"},
    "vascular_structures": {"dotted", "linear irregular"},
}
MINOR = {
    "streaks": {"irregular"},
    "pigmentation": {"diffuse irregular", "localized irregular"},
    "dots_and_globules": {"irregular"},
    "regression_structures": {"blue areas", "white areas", "combinations"},
}


def load_split(meta_csv: str, index_csv: str) -> pd.DataFrame:
    meta = pd.read_csv(meta_csv)
    idx = pd.read_csv(index_csv)["indexes"].to_numpy()
    part = meta.iloc[idx].reset_index(drop=True)
    part["melanoma"] = part["diagnosis"].str.contains("melanoma", case=False).astype(int)
    return part


def seven_point_checklist(df: pd.DataFrame) -> pd.Series:
    """Argenziano 7-point checklist: 2 points per major criterion, 1 per minor criterion."""
    score = pd.Series(0, index=df.index)
    for col, values in MAJOR.items():
        score += 2 * df[col].isin(values).astype(int)
    for col, values in MINOR.items():
        score += df[col].isin(values).astype(int)
    return score
