"""Offline augmentation: the survey van images are few, so we write jittered copies to a cache."""
from pathlib import Path

from PIL import Image
from torchvision import transforms as T

_JITTER = T.Compose([
    T.RandomHorizontalFlip(),
    T.RandomVerticalFlip(),
    T.RandomRotation(15),
    T.ColorJitter(brightness=0.3, contrast=0.3),
    T.RandomResizedCrop(224, scale=(0.7, 1.0)),
])


def expand_with_augmentations(records, n_copies, cache_dir):
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    out = list(records)
    for path, label in records:
        img = Image.open(path).convert("RGB")
        for k in range(n_copies):
            dst = cache / f"{Path(path).stem}_aug{k}.jpg"
            if not dst.exists():
                _JITTER(img).save(dst, quality=92)
            out.append((str(dst), label))
    return out
