TARGET = "left_company"
NUMERIC = ["age", "monthly_income", "years_at_company", "years_since_promotion", "distance_from_home",
           "num_companies_worked", "training_times_last_year", "overtime_hours_month"]
ORDINAL = ["job_level", "job_satisfaction", "environment_satisfaction", "work_life_balance"]
NOMINAL = ["department", "job_role", "marital_status", "business_travel"]
