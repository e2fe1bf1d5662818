package fix;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** DL4J configurations with no regularization anywhere. */
class Networks {

  MultiLayerConfiguration chained() {
    return new NeuralNetConfiguration.Builder() // the builder
        .seed(42)
        .updater(new Adam(1e-3))
        .list()
        .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(256).nOut(10).build())
        .build();
  }

  MultiLayerConfiguration split() {
    NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder();
    builder.updater(new Adam(1e-3));
    NeuralNetConfiguration.ListBuilder list = builder.list();
    list.layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.TANH).build());
    list.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(3).activation(Activation.SOFTMAX).build());
    return list.build();
  }

  /** l2(0.0) written on purpose: a person decides, so no edit (a later l2(0.0) would undo ours). */
  MultiLayerConfiguration explicitZero() {
    return new NeuralNetConfiguration.Builder()
        .updater(new Adam(1e-3))
        .l2(0.0)
        .list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.TANH).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(3).activation(Activation.SOFTMAX).build())
        .build();
  }
}
