import hashlib
import re

MAX_NUM_WAVS_PER_CLASS = 2 ** 27 - 1


def which_set(filename, validation_percentage, testing_percentage):
    """Assign a file to training/validation/testing from a hash of its speaker prefix.

    Same scheme as the Speech Commands reference code: everything before `_nohash_` identifies the
    speaker, so all clips of one speaker land in the same partition and the assignment never changes
    when new files are added.
    """
    base_name = filename.split("/")[-1]
    hash_name = re.sub(r"_nohash_.*$", "", base_name)
    hashed = hashlib.sha1(hash_name.encode("utf-8")).hexdigest()
    percentage_hash = (int(hashed, 16) % (MAX_NUM_WAVS_PER_CLASS + 1)) * (100.0 / MAX_NUM_WAVS_PER_CLASS)
    if percentage_hash < validation_percentage:
        return "validation"
    if percentage_hash < validation_percentage + testing_percentage:
        return "testing"
    return "training"
