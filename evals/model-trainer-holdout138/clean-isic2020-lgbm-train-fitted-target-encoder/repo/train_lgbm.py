import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import TargetEncoder

from features import CAT_COLS, NUM_COLS, basic_clean, patient_features, split_patients


def main(param_file="params.json"):
    P = json.load(open(param_file))
    np.random.seed(P["seed"])

    df = pd.read_csv(P["train_csv"])
    # per-image lesion descriptors from the classical Otsu-segmentation script
    lf = pd.read_csv(P["lesion_feats"])[["image_name", "lesion_area_frac", "border_irregularity", "colour_variegation"]]
    df = basic_clean(df.merge(lf, on="image_name", how="inner"))
    df = patient_features(df)

    dev, test = split_patients(df, P["test_patient_frac"], P["seed"])
    train, valid = split_patients(dev, P["valid_patient_frac"], P["seed"] + 1)
    print(f"patients train/valid/test: {train.patient_id.nunique()}/{valid.patient_id.nunique()}/{test.patient_id.nunique()}")

    enc = ColumnTransformer(
        [("te", TargetEncoder(target_type="binary", random_state=P["seed"]), CAT_COLS)],
        remainder="passthrough",
    )
    cols = CAT_COLS + NUM_COLS
    X_tr = enc.fit_transform(train[cols], train["target"])
    X_va = enc.transform(valid[cols])
    X_te = enc.transform(test[cols])
    names = [n.split("__")[-1] for n in enc.get_feature_names_out()]

    model = lgb.LGBMClassifier(objective="binary", random_state=P["seed"], verbose=-1, **P["lgbm"])
    model.fit(
        pd.DataFrame(X_tr, columns=names), train["target"],
        eval_set=[(pd.DataFrame(X_va, columns=names), valid["target"])], eval_metric="auc",
        callbacks=[lgb.early_stopping(P["early_stopping_rounds"], verbose=False)],
    )
    va_auc = roc_auc_score(valid["target"], model.predict_proba(pd.DataFrame(X_va, columns=names))[:, 1])
    print(f"best iteration {model.best_iteration_}, valid AUC {va_auc:.4f}")

    te_pred = model.predict_proba(pd.DataFrame(X_te, columns=names))[:, 1]
    print(f"TEST AUC {roc_auc_score(test['target'], te_pred):.4f} on {len(test)} images")
    pd.Series(model.feature_importances_, index=names).sort_values().to_csv("lgbm_importance.csv")


if __name__ == "__main__":
    main(*sys.argv[1:])
