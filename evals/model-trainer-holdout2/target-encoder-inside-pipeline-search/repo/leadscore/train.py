"""Train the lead-conversion scorer used by the sales CRM."""
import logging

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from leadscore.model import build_pipeline
from leadscore.settings import Settings

logger = logging.getLogger("leadscore")


def run(settings: Settings) -> dict[str, float]:
    leads = pd.read_parquet(settings.leads_path)
    columns = list(settings.high_cardinality + settings.low_cardinality + settings.numeric)
    leads[list(settings.high_cardinality)] = leads[list(settings.high_cardinality)].astype(str)

    fit_rows, holdout_rows = train_test_split(
        leads, test_size=settings.holdout_fraction, stratify=leads[settings.label], random_state=settings.seed
    )
    search = GridSearchCV(
        build_pipeline(settings),
        settings.grid,
        scoring="average_precision",
        cv=StratifiedKFold(settings.cv_folds, shuffle=True, random_state=settings.seed),
        n_jobs=-1,
    )
    search.fit(fit_rows[columns], fit_rows[settings.label])
    logger.info("best params %s, CV PR AUC %.4f", search.best_params_, search.best_score_)

    prior = DummyClassifier(strategy="prior").fit(fit_rows[columns], fit_rows[settings.label])
    holdout_truth = holdout_rows[settings.label]
    scorer_prob = search.predict_proba(holdout_rows[columns])[:, 1]
    prior_prob = prior.predict_proba(holdout_rows[columns])[:, 1]
    metrics = {
        "holdout_roc_auc": roc_auc_score(holdout_truth, scorer_prob),
        "holdout_pr_auc": average_precision_score(holdout_truth, scorer_prob),
        "holdout_brier": brier_score_loss(holdout_truth, scorer_prob),
        "prior_pr_auc": average_precision_score(holdout_truth, prior_prob),
        "prior_brier": brier_score_loss(holdout_truth, prior_prob),
    }
    settings.artifact_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, settings.artifact_path)
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    logger.info("holdout metrics %s", run(Settings()))
