"""Column handling for the cross-sell model.

Nothing in here is fitted: make_preprocessor() returns an unfitted ColumnTransformer that is
placed inside the model Pipeline, so every fit (CV folds, final refit) sees training rows only.
"""
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_preprocessor(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50)),
             categorical),
        ],
        verbose_feature_names_out=False,
    )


def describe_features(df, cfg) -> dict:
    """Quick data-quality summary for the run log (missingness + class balance); not used for modelling."""
    return {
        "n_rows": int(len(df)),
        "missing_share": df[cfg["numeric"] + cfg["categorical"]].isna().mean().round(4).to_dict(),
        "positive_rate": round(float(df[cfg["target"]].mean()), 4),
    }
