from .client import OfflineStoreClient
from .pit import point_in_time_join
