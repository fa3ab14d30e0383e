import math

from sentence_transformers import SentenceTransformer, losses
from torch.utils.data import DataLoader


def finetune_body(base_model, pair_examples, epochs, batch_size, lr, warmup_ratio, output_path=None):
    model = SentenceTransformer(base_model)
    loader = DataLoader(pair_examples, shuffle=True, batch_size=batch_size)
    loss = losses.CosineSimilarityLoss(model)
    steps = math.ceil(len(loader) * epochs)
    model.fit(
        train_objectives=[(loader, loss)],
        epochs=epochs,
        warmup_steps=int(steps * warmup_ratio),
        optimizer_params={"lr": lr},
        show_progress_bar=True,
        output_path=output_path,
    )
    return model
