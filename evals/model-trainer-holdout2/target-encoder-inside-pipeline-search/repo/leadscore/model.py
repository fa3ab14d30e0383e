from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, TargetEncoder

from leadscore.settings import Settings


def build_pipeline(settings: Settings) -> Pipeline:
    # TargetEncoder cross-fits internally during fit_transform, and inside the Pipeline it
    # only ever sees the rows it is fitted on (each CV training fold, then the training split).
    prep = ColumnTransformer(
        [
            ("te", TargetEncoder(target_type="binary", cv=5, shuffle=True, random_state=settings.seed),
             list(settings.high_cardinality)),
            ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False), list(settings.low_cardinality)),
            ("num", SimpleImputer(strategy="median"), list(settings.numeric)),
        ]
    )
    model = HistGradientBoostingClassifier(max_iter=500, early_stopping=True, random_state=settings.seed)
    return Pipeline([("prep", prep), ("model", model)])
