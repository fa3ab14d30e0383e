RANDOM_STATE = 77
TARGET = "fraud_reported"
NUMERIC = ["claim_amount", "policy_tenure_days", "insured_age", "prior_claims", "days_to_report", "vehicle_value"]
CATEGORICAL = ["incident_type", "collision_type", "incident_severity", "authorities_contacted", "policy_state"]
