export { applyP4m } from './applyP4m.js';
export { BINARY_PRIMITIVES, MIN_SHAPES_N, primitiveTemplate, primitiveTemplates, type BinaryPrimitive, type PrimitiveTemplate } from './primitives.js';
export { CONTINUOUS_PRIMITIVES,
  continuousSizes,
  continuousTemplate,
  continuousTemplates,
  renderContinuous,
  type ContinuousPose,
  type ContinuousPrimitive,
  coverage,
  wrap,
} from './continuous.js';
export { DECORRELATED_N, DECORRELATED_PRIMITIVES, decorrelatedTemplates, type DecorrelatedPrimitive, type DecorrelatedTemplate } from './decorrelated.js';
export {
  DEFAULT_SHAPES_OPTIONS,
  primitiveNames,
  generateShapes,
  primitiveCounts,
  renderBinaryScene,
  renderContinuousScene,
  type BinaryPlacement,
  type ContinuousPlacement,
  type DecorrelatedPlacement,
  type P4mPlacement,
  type ShapesOptions,
  type ShapesTruth,
  type ShapesVariant,
  type ShapesWorld,
} from './generateShapes.js';
export { shapesCatalog, catalogJson, type CatalogEntry, type OrbitCount } from './catalogue.js';
export { templateOrbit, type TemplateOrbit } from './templateOrbit.js';
export { GL2_LINEAR_RANGE, GL2_N, GL2_ORBIT_LINEAR_PARTS, GL2_PRIMITIVES, balancedDeck, drawGl2Scene, gl2DesignEnergy, gl2Linear, gl2OrbitSample, gl2Shape, gl2Template, renderSegmentShape, scaleToEnergy } from './segmentsFlowers.js';
