"""Loading and filtering of the ACS PUMS person file."""
import pandas as pd


def load_workers(path: str, wage_cut: float) -> pd.DataFrame:
    """Civilian employed adults 18-64 with positive wage income."""
    cols = [
        "SERIALNO", "SPORDER", "PWGTP", "AGEP", "SCHL", "WKHP", "WKWN", "JWMNP", "NOC",
        "SEX", "MAR", "RAC1P", "HISP", "COW", "CIT", "ENG", "DIS", "ST",
        "OCCP", "INDP", "PUMA", "ESR", "WAGP", "ADJINC",
    ]
    df = pd.read_parquet(path, columns=cols)
    df = df[df["AGEP"].between(18, 64) & df["ESR"].isin([1, 2]) & (df["WAGP"] > 0)].copy()
    wage_2022 = df["WAGP"] * df["ADJINC"] / 1_000_000
    df["high_earner"] = (wage_2022 >= wage_cut).astype(int)
    df["PUMA"] = df["ST"].astype(str).str.zfill(2) + df["PUMA"].astype(str).str.zfill(5)
    df["JWMNP"] = df["JWMNP"].fillna(0)
    df["NOC"] = df["NOC"].fillna(0)
    df["ENG"] = df["ENG"].fillna(0)
    for col in ["OCCP", "INDP", "COW", "MAR", "SEX", "RAC1P", "HISP", "CIT", "DIS", "ST"]:
        df[col] = df[col].astype("category")
    return df.drop(columns=["ESR", "WAGP", "ADJINC"])
