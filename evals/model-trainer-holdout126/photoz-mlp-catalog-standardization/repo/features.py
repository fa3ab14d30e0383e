"""Feature construction for the SDSS DR16 spec-z / photometry training sample."""
import numpy as np
import pandas as pd

BANDS = ["u", "g", "r", "i", "z"]


def quality_cuts(df, cfg):
    q = cfg["quality"]
    m = (
        (df["zWarning"] == 0)
        & (df["zErr"] < q["max_zerr"])
        & (df["z"] > 0)
        & (df["clean"] == 1)
    )
    return df.loc[m].reset_index(drop=True)


def dered_mags(df):
    mags = pd.DataFrame(index=df.index)
    for b in BANDS:
        mags[b] = df[f"modelMag_{b}"] - df[f"extinction_{b}"]
    return mags


def add_colors(mags):
    for a, b in zip(BANDS[:-1], BANDS[1:]):
        mags[f"{a}_{b}"] = mags[a] - mags[b]
    return mags


def standardize(feats):
    # put magnitudes, colours and sizes on a common scale for the MLP
    mu = feats.mean(axis=0)
    sigma = feats.std(axis=0)
    return (feats - mu) / sigma, {"mu": mu.to_dict(), "sigma": sigma.to_dict()}


def build_feature_matrix(df, cfg):
    feats = add_colors(dered_mags(df))
    feats["petroR50_r"] = df["petroR50_r"]
    feats["petroR90_r"] = df["petroR90_r"]
    feats = feats[feats["r"] < cfg["quality"]["max_mag_r"]]
    X, norm = standardize(feats[cfg["features"]])
    y = df.loc[X.index, "z"].to_numpy(np.float32)
    return X.to_numpy(np.float32), y, norm
