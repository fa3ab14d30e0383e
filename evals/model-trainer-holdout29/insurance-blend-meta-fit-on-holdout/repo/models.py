import lightgbm as lgb
import xgboost as xgb
from catboost import CatBoostClassifier
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def level1_models(cfg):
    linear = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), cfg.num_cols),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), cfg.cat_cols),
        ])),
        ("clf", LogisticRegression(C=0.5, max_iter=3000)),
    ])
    return {
        "lgbm": lgb.LGBMClassifier(n_estimators=1500, learning_rate=0.03, num_leaves=127,
                                   colsample_bytree=0.5, subsample=0.8, subsample_freq=1,
                                   random_state=cfg.seed, verbose=-1),
        "xgb": xgb.XGBClassifier(n_estimators=1200, learning_rate=0.04, max_depth=7,
                                 subsample=0.8, colsample_bytree=0.5, enable_categorical=True,
                                 tree_method="hist", random_state=cfg.seed),
        "cat": CatBoostClassifier(iterations=2000, learning_rate=0.05, depth=7,
                                  cat_features=cfg.cat_cols, random_seed=cfg.seed, verbose=0),
        "linear": linear,
    }
