import logging
import sys

import click
import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import GroupShuffleSplit

sys.path.insert(0, "src")
from pricing.factors import RatingFactorBuilder  # noqa: E402
from pricing.metrics import exposure_weighted_deviance, lorenz_gini  # noqa: E402

logger = logging.getLogger(__name__)


@click.command()
@click.option("--policies", default="data/mtpl_policies.csv")
@click.option("--alpha", default=1e-4, type=float)
@click.option("--seed", default=7, type=int)
@click.option("--out", default="models/freq_glm.joblib")
def main(policies: str, alpha: float, seed: int, out: str) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    book = pd.read_csv(policies)
    book = book[book["exposure"] > 0].reset_index(drop=True)
    book["freq"] = book["claim_count"] / book["exposure"]

    # a policyholder renews several times: keep all of their contracts on the same side
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=seed)
    fit_idx, eval_idx = next(gss.split(book, groups=book["policyholder_id"]))
    book_fit, book_eval = book.iloc[fit_idx], book.iloc[eval_idx]

    factors = RatingFactorBuilder(n_age_bins=10)
    A_fit = factors.design_matrix(book_fit)
    A_eval = factors.design_matrix(book_eval)

    glm = PoissonRegressor(alpha=alpha, max_iter=1000)
    glm.fit(A_fit, book_fit["freq"], sample_weight=book_fit["exposure"])
    flat = DummyRegressor(strategy="mean").fit(A_fit, book_fit["freq"], sample_weight=book_fit["exposure"])

    y, w = book_eval["freq"].to_numpy(), book_eval["exposure"].to_numpy()
    mu_glm, mu_flat = glm.predict(A_eval), flat.predict(A_eval)
    logger.info("deviance  glm=%.4f  flat=%.4f", exposure_weighted_deviance(y, mu_glm, w), exposure_weighted_deviance(y, mu_flat, w))
    logger.info("gini      glm=%.4f", lorenz_gini(y, mu_glm, w))
    logger.info("pred/obs  glm=%.3f", np.sum(mu_glm * w) / np.sum(y * w))
    joblib.dump({"glm": glm, "factors": factors}, out)


if __name__ == "__main__":
    main()
