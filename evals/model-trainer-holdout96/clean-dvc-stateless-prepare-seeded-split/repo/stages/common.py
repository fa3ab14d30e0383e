import yaml

NUMERIC = ["amount", "log_amount", "card_age_months", "days_to_card_expiry", "prior_failures_6m",
           "retries_this_cycle", "hour_of_day", "is_weekend"]
CATEGORICAL = ["card_brand", "issuer_country", "plan_tier", "billing_interval"]


def load_params(path: str = "params.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)
