from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sksurv.linear_model import CoxnetSurvivalAnalysis


def build_pipeline(feat_cfg: dict, search_cfg: dict) -> Pipeline:
    prep = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), feat_cfg["numeric"]),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), feat_cfg["categorical"]),
        ]
    )
    coxnet = CoxnetSurvivalAnalysis(
        alpha_min_ratio=search_cfg["alpha_min_ratio"],
        n_alphas=search_cfg["n_alphas"],
        fit_baseline_model=True,
        max_iter=100_000,
    )
    return Pipeline([("prep", prep), ("coxnet", coxnet)])
