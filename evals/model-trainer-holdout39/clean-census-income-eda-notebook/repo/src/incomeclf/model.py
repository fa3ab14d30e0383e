from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler, TargetEncoder


def encoder(cfg: dict, seed: int) -> ColumnTransformer:
    # TargetEncoder.fit_transform cross-fits internally (out-of-fold encodings for the rows it is
    # fitted on), and inside a Pipeline it only ever sees the training fold.
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), cfg["numeric"]),
        ("low", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore")), cfg["low_card"]),
        ("high", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                               TargetEncoder(target_type="binary", cv=5, random_state=seed)),
         cfg["high_card"]),
    ])


def models(cfg: dict, seed: int) -> dict[str, Pipeline]:
    return {
        "prior": Pipeline([("enc", encoder(cfg, seed)), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("enc", encoder(cfg, seed)), ("clf", LogisticRegression(C=0.5, max_iter=3000))]),
        "hgb": Pipeline([("enc", encoder(cfg, seed)),
                         ("clf", HistGradientBoostingClassifier(random_state=seed, **cfg["hgb"]))]),
    }
