import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';

/** Reading an exercise, revealing hints and the reference solution. */
@Module({ imports: [CatalogModule], controllers: [ExercisesController], providers: [ExercisesService] })
export class ExercisesModule {}
