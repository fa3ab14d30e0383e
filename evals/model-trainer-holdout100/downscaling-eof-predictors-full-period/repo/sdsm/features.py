import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler


def grid_columns(df: pd.DataFrame, variable: str) -> list[str]:
    """Predictor columns are named '<var>_<lat>_<lon>' for each grid point of the domain."""
    return [c for c in df.columns if c.startswith(f"{variable}_")]


def add_seasonal_terms(df: pd.DataFrame) -> pd.DataFrame:
    doy = df.index.dayofyear
    out = df.copy()
    out["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    return out


def predictor_eofs(df: pd.DataFrame, variables: list[str], n_components: int):
    """Standardise every grid-point predictor and project onto the leading EOFs."""
    cols = [c for v in variables for c in grid_columns(df, v)]
    scaler = StandardScaler()
    pca = PCA(n_components=n_components, svd_solver="full")
    pcs = pca.fit_transform(scaler.fit_transform(df[cols].to_numpy()))
    pc_frame = pd.DataFrame(pcs, index=df.index, columns=[f"pc{i + 1}" for i in range(n_components)])
    explained = pca.explained_variance_ratio_.sum()
    return pc_frame, {"scaler": scaler, "pca": pca, "columns": cols, "explained": explained}
