"""Card-not-present fraud model with pytorch_tabular's CategoryEmbedding network."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTENC
from lightgbm import LGBMClassifier
from pytorch_tabular import TabularModel
from pytorch_tabular.config import DataConfig, OptimizerConfig, TrainerConfig
from pytorch_tabular.models import CategoryEmbeddingModelConfig
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 99
TARGET = "is_fraud"
CAT_COLS = ["merchant_category", "card_type", "entry_mode", "country_code", "device_type"]
NUM_COLS = ["amount", "hour", "txn_count_24h", "amount_vs_avg_30d", "km_from_home", "account_age_days"]


def load_transactions(path="data/transactions_2023q4.parquet") -> pd.DataFrame:
    df = pd.read_parquet(path, columns=CAT_COLS + NUM_COLS + [TARGET])
    df[CAT_COLS] = df[CAT_COLS].fillna("UNK").astype(str)
    return df


def rebalance(df: pd.DataFrame) -> pd.DataFrame:
    X, y = df[CAT_COLS + NUM_COLS], df[TARGET]
    cat_mask = [c in CAT_COLS for c in X.columns]
    smote = SMOTENC(categorical_features=cat_mask, sampling_strategy=0.25, k_neighbors=5, random_state=SEED)
    X_res, y_res = smote.fit_resample(X, y)
    out = X_res.copy()
    out[TARGET] = y_res.values
    return out


def build_model() -> TabularModel:
    data_config = DataConfig(
        target=[TARGET],
        continuous_cols=NUM_COLS,
        categorical_cols=CAT_COLS,
        normalize_continuous_features=True,
    )
    trainer_config = TrainerConfig(
        batch_size=2048, max_epochs=50, early_stopping="valid_loss", early_stopping_patience=5,
        checkpoints="valid_loss", checkpoints_path="saved_models/fraud", load_best=True, seed=SEED,
    )
    model_config = CategoryEmbeddingModelConfig(
        task="classification", layers="256-128-64", activation="LeakyReLU", dropout=0.1,
        learning_rate=1e-3, metrics=["auroc", "average_precision"],
        metrics_params=[{"task": "binary"}, {"task": "binary"}],
        metrics_prob_input=[True, True],
    )
    return TabularModel(data_config=data_config, model_config=model_config,
                        optimizer_config=OptimizerConfig(), trainer_config=trainer_config)


def main():
    df = load_transactions()
    print(f"raw fraud rate: {df[TARGET].mean():.4%}")
    balanced = rebalance(df)

    train, test = train_test_split(balanced, test_size=0.2, stratify=balanced[TARGET], random_state=SEED)
    train, valid = train_test_split(train, test_size=0.15, stratify=train[TARGET], random_state=SEED)

    tab_model = build_model()
    tab_model.fit(train=train, validation=valid)
    pred = tab_model.predict(test)
    p_nn = pred[f"{TARGET}_1_probability"].values

    lgbm = LGBMClassifier(n_estimators=500, learning_rate=0.05, random_state=SEED)
    lgbm.fit(train[CAT_COLS + NUM_COLS].astype({c: "category" for c in CAT_COLS}), train[TARGET])
    p_lgbm = lgbm.predict_proba(test[CAT_COLS + NUM_COLS].astype({c: "category" for c in CAT_COLS}))[:, 1]

    y_test = test[TARGET].values
    for name, p in [("category_embedding", p_nn), ("lightgbm", p_lgbm)]:
        print(f"{name}: ROC-AUC={roc_auc_score(y_test, p):.4f} PR-AUC={average_precision_score(y_test, p):.4f}")
    print(classification_report(y_test, pred["prediction"].values, digits=4))
    tab_model.save_model("saved_models/fraud_final")


if __name__ == "__main__":
    main()
