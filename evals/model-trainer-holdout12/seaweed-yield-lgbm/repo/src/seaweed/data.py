import pandas as pd


def load_harvests(harvest_csv: str, site_csv: str) -> pd.DataFrame:
    h = pd.read_csv(harvest_csv, parse_dates=["seeded_on", "harvested_on"])
    sites = pd.read_csv(site_csv)
    df = h.merge(sites, on="site_id", how="left", validate="many_to_one")
    df = df[df["line_length_m"] > 0]
    df["yield_kg_per_m"] = df["wet_kg"] / df["line_length_m"]
    return df.reset_index(drop=True)
