"""Cox model for relapse after allogeneic transplant in AML.

1) fit on the training split and report held-out metrics against a 3-covariate clinical model;
2) refit the same specification on the full cohort for the risk calculator.
"""
import joblib
import numpy as np
import pandas as pd
import yaml
from lifelines import CoxPHFitter
from sklearn.model_selection import train_test_split
from sksurv.metrics import concordance_index_censored, integrated_brier_score

from coxmodel.prep import CovariatePrep, add_label, to_structured

cfg = yaml.safe_load(open("config.yaml"))
dc, fc, mc = cfg["data"], cfg["features"], cfg["model"]
DUR, EVT = dc["duration_col"], dc["event_col"]
np.random.seed(cfg["seed"])

cohort = pd.read_csv(dc["path"]).drop_duplicates(dc["id_col"]).set_index(dc["id_col"])
cohort["wbc_log"] = np.log10(cohort["wbc"].clip(lower=0.1))

train, test = train_test_split(cohort, test_size=dc["test_size"], stratify=cohort[EVT],
                               random_state=cfg["seed"])

prep = CovariatePrep(fc["numeric"], fc["binary"]).fit(train)
tr = add_label(prep.transform(train), train, DUR, EVT)
te = add_label(prep.transform(test), test, DUR, EVT)


def fit_cox(frame, cols, **kw):
    return CoxPHFitter(**kw).fit(frame[cols + [DUR, EVT]], duration_col=DUR, event_col=EVT)


def evaluate(model, cols):
    risk = model.predict_partial_hazard(te[cols]).to_numpy()
    c = concordance_index_censored(te[EVT].astype(bool), te[DUR], risk)[0]
    horizons = np.array(cfg["eval"]["horizons"], dtype=float)
    horizons = horizons[horizons < te[DUR].max()]
    surv = model.predict_survival_function(te[cols], times=horizons).T.to_numpy()
    ibs = integrated_brier_score(to_structured(tr, DUR, EVT), to_structured(te, DUR, EVT), surv, horizons)
    return c, ibs


full_cols = fc["numeric"] + fc["binary"]
cox_full = fit_cox(tr, full_cols, penalizer=mc["penalizer"], l1_ratio=mc["l1_ratio"])
cox_base = fit_cox(tr, fc["baseline"])
cox_full.check_assumptions(tr[full_cols + [DUR, EVT]], p_value_threshold=0.01, show_plots=False)

for name, m, cols in [("full", cox_full, full_cols), ("clinical-3", cox_base, fc["baseline"])]:
    c, ibs = evaluate(m, cols)
    print(f"{name:10s} held-out C={c:.3f}  IBS={ibs:.3f}")

prep_all = CovariatePrep(fc["numeric"], fc["binary"]).fit(cohort)
all_rows = add_label(prep_all.transform(cohort), cohort, DUR, EVT)
final = fit_cox(all_rows, full_cols, penalizer=mc["penalizer"], l1_ratio=mc["l1_ratio"])
joblib.dump({"prep": prep_all, "model": final, "columns": full_cols}, cfg["artifact"])
print("final model refit on", len(all_rows), "patients ->", cfg["artifact"])
