"""Stage 2: retrain from the pretrained checkpoint on train+validation for the selected epoch count,
then score the Gigaword test set once."""
import json

from datasets import concatenate_datasets
from transformers import AutoModelForSeq2SeqLM, DataCollatorForSeq2Seq, Seq2SeqTrainer

from common import CFG, compute_metrics, load_splits, tokenizer, training_args

with open(CFG["selection_file"]) as f:
    n_epochs = json.load(f)["best_epoch"]

data = load_splits()
full_train = concatenate_datasets([data["train"], data["validation"]])
model = AutoModelForSeq2SeqLM.from_pretrained(CFG["model"])
args = training_args("runs/final", num_train_epochs=n_epochs, evaluation_strategy="no", save_strategy="no")
trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=full_train, tokenizer=tokenizer,
                         data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
                         compute_metrics=compute_metrics)
trainer.train()
trainer.save_model("runs/final/model")

test_metrics = trainer.evaluate(data["test"], metric_key_prefix="test")
print(json.dumps(test_metrics, indent=2))
with open("results/test_metrics.json", "w") as f:
    json.dump({"epochs": n_epochs, **test_metrics}, f, indent=2)
