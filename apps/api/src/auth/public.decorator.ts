import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'questline:isPublic';

/** Every route needs a valid Bearer token unless marked @Public(). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
