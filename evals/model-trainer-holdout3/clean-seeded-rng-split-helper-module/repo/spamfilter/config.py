from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    data: str = "data/sms.csv"
    seed: int = 31
    test_frac: float = 0.2
    alpha: float = 1e-5
