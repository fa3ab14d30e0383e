from .models import GBMDemandModel, LastYearModel, RidgeDemandModel

__all__ = ["GBMDemandModel", "LastYearModel", "RidgeDemandModel"]
